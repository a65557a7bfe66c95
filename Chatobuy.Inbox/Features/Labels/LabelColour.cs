namespace Chatobuy.Inbox.Features.Labels;

/// <summary>A colour a label may have: its name as the settings page says it, and its hex code.</summary>
public sealed record LabelColour(string Name, string Hex);
