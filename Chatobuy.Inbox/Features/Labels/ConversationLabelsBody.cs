namespace Chatobuy.Inbox.Features.Labels;

/// <summary>The body of <c>PUT /api/v1/conversations/{id}/labels</c>: the names of the labels the conversation should have, all of them.</summary>
public sealed record ConversationLabelsBody(IReadOnlyList<string?>? Labels);
