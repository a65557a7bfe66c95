using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// A saved interactive message as the composer's picker offers it: its name, type and the message as this contact
/// would get it (placeholders filled), for the preview.
/// </summary>
public sealed record InteractiveChoice(long Id, string Name, string Type, InteractiveObject Interactive, DateTimeOffset UpdatedAt)
{
    /// <summary>Where a preview shows the kept header file from, when the message has one.</summary>
    public string? HeaderMediaUrl { get; init; }

    /// <summary>What agents call each type.</summary>
    public string TypeLabel => LabelOf(Type);

    public static string LabelOf(string type) => type switch
    {
        InteractiveTypes.Button => "Buttons",
        InteractiveTypes.List => "List",
        InteractiveTypes.CtaUrl => "Link button",
        InteractiveTypes.LocationRequest => "Location request",
        InteractiveTypes.Product => "Product",
        InteractiveTypes.ProductList => "Products",
        _ => type,
    };

    /// <summary>True when the search is empty or found in the name, the type or the text.</summary>
    public bool Matches(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var term = search.Trim();
        return Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || TypeLabel.Contains(term, StringComparison.OrdinalIgnoreCase)
            || Type.Contains(term, StringComparison.OrdinalIgnoreCase)
            || Interactive.Summary.Contains(term, StringComparison.OrdinalIgnoreCase)
            || (Interactive.Header?.Text?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
