namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>An agent to assign: the name given at Setup (the e-mail when none), the e-mail for a tooltip.</summary>
public sealed record AgentOption(string Id, string Name, string Email = "");
