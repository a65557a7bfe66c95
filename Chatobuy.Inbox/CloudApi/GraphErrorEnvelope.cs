namespace Chatobuy.Inbox.CloudApi;

public sealed record GraphErrorEnvelope(GraphErrorBody? Error);
