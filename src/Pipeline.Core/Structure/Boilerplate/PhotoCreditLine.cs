using Pipeline.Core.Text;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// Picture captions and credits that a page dump leaves in the text without an <c>Image:</c> prefix: a short block carrying a
/// credit mark ("Photograph: Guy Smallman/Getty Images", "(Foto: dpa)", "Bild: Gregory Batardon", "Imagen: Télam").
/// </summary>
internal static class PhotoCreditLine
{
    /// <summary>Longest block, in characters, taken for a caption; a paragraph that mentions a credit is longer.</summary>
    private const int MaxLength = 250;

    private static readonly OrdinalWordSet Marks = new(
        [
            "Photograph:", "Photograph by", "Photo:", "Photos:", "Photo by", "Photo credit", "Credit:", "Foto:", "Fotos:", "Fotó:",
            "Bild:", "Bildquelle:", "Bildrechte:", "Image:", "Imagen:", "Crédit", "Crédito:", "Źródło:", "Fot.", "photo:",
            "Getty Images", "iStock", "Shutterstock", "AP Photo", "picture alliance", "picture-alliance", "Pixabay", "Symbolbild",
        ]);

    /// <summary>True when <paramref name="line"/> is a short block with a picture credit in it.</summary>
    public static bool Matches(ReadOnlySpan<char> line) => line.Length <= MaxLength && Marks.OccursIn(line);
}
