namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: the parameters of a <c>cta_url</c> action: the button's text and the https URL it opens.</summary>
public sealed record InteractiveParameters(string? DisplayText = null, string? Url = null);
