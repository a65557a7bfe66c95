namespace Chatobuy.Inbox.Features.Notes;

/// <summary>An active agent a note can <c>@mention</c>, by the name the inbox shows for them.</summary>
public sealed record Mentionable(string UserId, string Name);
