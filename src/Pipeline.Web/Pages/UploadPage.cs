namespace Pipeline.Web.Pages;

/// <summary>Drop files or a folder onto the page to put them into raw (as <c>pipeline drop</c>), then watch their results arrive.</summary>
internal static class UploadPage
{
    public static string Render() => Html.Layout("Upload", "upload", """
        <h1>Upload</h1>
        <div id="dropzone" class="dropzone" tabindex="0">
          <p><strong>Drop files or a folder here</strong></p>
          <p class="muted">Each file goes into <code>raw</code> under its name (a folder's files under their relative paths) and is enqueued at once.</p>
          <p><label class="button">Choose files <input id="file-input" type="file" name="files" multiple hidden></label>
             <label class="button">Choose a folder <input id="folder-input" type="file" webkitdirectory multiple hidden></label></p>
        </div>
        <p id="upload-status" role="status" class="muted"></p>
        <table id="uploads" hidden><thead><tr><th>Input</th><th>Result</th><th>Title</th></tr></thead><tbody></tbody></table>
        """);
}
