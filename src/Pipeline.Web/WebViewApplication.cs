using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Web.Api;
using Pipeline.Web.Data;
using Pipeline.Web.Pages;
using Pipeline.Web.Security;

namespace Pipeline.Web;

/// <summary>
/// Builds the web view on a <see cref="WebApplicationBuilder"/> whose services already hold the pipeline runtime
/// (<c>AddPipelineRuntime()</c>): its options, readers, the request guard, the pages and the API.
/// </summary>
public static class WebViewApplication
{
    /// <summary>Registers the web view's services and binds <see cref="WebViewOptions"/> (validated at start).</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddPipelineWebView(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebViewOptions>().BindConfiguration(WebViewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebViewOptions>, WebViewOptionsValidator>();
        services.AddSingleton<PipelineOutputs>();
        services.AddSingleton<StatusReader>();
        return services;
    }

    /// <summary>Adds the web view to <paramref name="builder"/>, listening on <see cref="WebViewOptions.Urls"/>, and builds the app.</summary>
    /// <param name="builder">A builder with the pipeline runtime registered.</param>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPipelineWebView();
        var options = builder.Configuration.GetSection(WebViewOptions.SectionName).Get<WebViewOptions>() ?? new WebViewOptions();
        builder.WebHost.UseUrls([.. options.UrlList]);

        // From the bound section, not IOptions: Kestrel reads these while the app is built, and the options are
        // validated (a refused binding reported) when it starts.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Only this site's own script and styles run or load, and no other site frames the view.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.UseMiddleware<RequestGuard>();
        app.MapPipelineApi();
        app.MapPipelinePages();
        return app;
    }

    /// <summary>The addresses the started app listens on (with the ports chosen for port 0).</summary>
    /// <param name="app">A started app.</param>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }
}
