using System.Security;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// The catalog's product pictures (<c>image_url</c>, commerce reference §1.3): small SVGs generated from the product,
/// served anonymously like Meta's CDN, so the phone, the inbox and its agents' browsers need no internet.
/// </summary>
public static class SandboxCatalogImages
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(SandboxCatalog.ImagePath + "/{file}", Image)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

    /// <summary>A square picture: the product's colour, its initials and its retailer id.</summary>
    public static string Svg(SandboxProduct product)
    {
        var initials = string.Concat(product.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]))
            .Take(2)
            .Select(w => char.ToUpperInvariant(w[0])));
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="{SecurityElement.Escape(product.Name)}">
              <rect width="240" height="240" rx="20" fill="{SecurityElement.Escape(product.Color)}"/>
              <circle cx="120" cy="104" r="62" fill="#ffffff" fill-opacity="0.18"/>
              <text x="120" y="126" font-family="sans-serif" font-size="60" font-weight="700" fill="#ffffff" text-anchor="middle">{SecurityElement.Escape(initials)}</text>
              <text x="120" y="212" font-family="monospace" font-size="16" fill="#ffffff" fill-opacity="0.85" text-anchor="middle">{SecurityElement.Escape(product.RetailerId)}</text>
            </svg>
            """;
    }

    private static IResult Image(string file, HttpContext http)
    {
        if (!file.EndsWith(".svg", StringComparison.Ordinal) || SandboxCatalogs.FindSeededProduct(file[..^4]) is not { } product)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Text(Svg(product), "image/svg+xml");
    }
}
