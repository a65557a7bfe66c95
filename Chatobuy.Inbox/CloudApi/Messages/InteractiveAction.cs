namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>
/// Reference §3.4: what an interactive message offers. Reply buttons set <see cref="Buttons"/>; a list sets
/// <see cref="Button"/> (its label) and <see cref="Sections"/> with rows; a single product <see cref="CatalogId"/> and
/// <see cref="ProductRetailerId"/>; a multi-product message <see cref="CatalogId"/> and <see cref="Sections"/> with
/// product items; a URL button and a location request <see cref="Name"/> (<c>cta_url</c>, <c>send_location</c>) with
/// <see cref="Parameters"/> for the URL.
/// </summary>
public sealed record InteractiveAction
{
    public IReadOnlyList<InteractiveButton>? Buttons { get; init; }

    public string? Button { get; init; }

    public IReadOnlyList<InteractiveSection>? Sections { get; init; }

    public string? CatalogId { get; init; }

    public string? ProductRetailerId { get; init; }

    public string? Name { get; init; }

    public InteractiveParameters? Parameters { get; init; }
}
