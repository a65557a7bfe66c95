namespace Chatobuy.Inbox.Features.Templates;

/// <summary>The channel a template page works through; <see cref="IsSandbox"/> when its Graph API is the built-in Sandbox.</summary>
public sealed record TemplateChannel(string Id, string Title, string WabaId, string WabaName, string DisplayPhoneNumber, bool IsSandbox = false);
