namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: a section of a list (<see cref="Rows"/>) or of a multi-product message (<see cref="ProductItems"/>); title ≤ 24.</summary>
public sealed record InteractiveSection(string? Title = null, IReadOnlyList<InteractiveRow>? Rows = null, IReadOnlyList<InteractiveProductItem>? ProductItems = null);
