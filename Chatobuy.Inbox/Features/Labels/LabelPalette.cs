namespace Chatobuy.Inbox.Features.Labels;

/// <summary>The colours labels are drawn in: dark enough for white text on a chip.</summary>
public static class LabelPalette
{
    public const string Default = "#546E7A";

    public static IReadOnlyList<LabelColour> Colours { get; } =
    [
        new("Slate", Default),
        new("Red", "#C62828"),
        new("Orange", "#E65100"),
        new("Brown", "#6D4C41"),
        new("Green", "#2E7D32"),
        new("Teal", "#00695C"),
        new("Blue", "#1565C0"),
        new("Indigo", "#283593"),
        new("Purple", "#6A1B9A"),
        new("Pink", "#AD1457"),
    ];

    public static bool Contains(string? hex) => Colours.Any(c => string.Equals(c.Hex, hex, StringComparison.OrdinalIgnoreCase));

    /// <summary>The colour's name, or the hex code itself when it is not in the palette.</summary>
    public static string NameOf(string hex) =>
        Colours.FirstOrDefault(c => string.Equals(c.Hex, hex, StringComparison.OrdinalIgnoreCase))?.Name ?? hex;
}
