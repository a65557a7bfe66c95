namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>
/// An interactive message's header: <c>text</c>, or an <c>image</c>, <c>video</c> or <c>document</c> sent by uploaded
/// media id or by link (reference §3.4).
/// </summary>
public sealed record SandboxInteractiveHeader(string Type, string? Text, string? MediaId, string? Link, string? FileName)
{
    public bool IsMedia => Type is "image" or "video" or "document";
}
