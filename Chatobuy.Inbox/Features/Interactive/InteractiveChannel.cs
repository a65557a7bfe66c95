namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>The channel a library page works on.</summary>
public sealed record InteractiveChannel(string Id, string Title, string WabaId, string WabaName, string DisplayPhoneNumber);
