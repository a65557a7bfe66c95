namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.3: at most 4096 characters; <see cref="PreviewUrl"/> renders the first link as a preview.</summary>
public sealed record TextObject(string Body, bool PreviewUrl);
