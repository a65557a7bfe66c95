namespace Chatobuy.Inbox.Features.Labels;

/// <summary>A tag Admins define (unique name, a colour of <see cref="LabelPalette"/>) that agents put on conversations.</summary>
public sealed class Label
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in upper case: unique, so "Refund" and "refund" cannot both exist.</summary>
    public string NormalizedName { get; set; } = "";

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>The colour's hex code, one of <see cref="LabelPalette.Colours"/>.</summary>
    public string Colour { get; set; } = LabelPalette.Default;

    public DateTimeOffset CreatedAt { get; set; }
}
