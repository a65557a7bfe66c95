namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>What the placeholders stand for in one send: the contact's name (their WhatsApp profile name, else their number), number, and the agent's name.</summary>
public sealed record PlaceholderValues(string ContactName, string ContactPhone, string AgentName);
