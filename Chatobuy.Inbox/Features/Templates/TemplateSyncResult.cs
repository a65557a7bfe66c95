using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>What a sync did, or why it could not.</summary>
public sealed record TemplateSyncResult(bool Succeeded, int Total = 0, int Added = 0, int Changed = 0, int Removed = 0, GraphError? Error = null)
{
    public string Summary => Succeeded
        ? $"{Total} template{(Total == 1 ? "" : "s")} at Meta: {Added} new, {Changed} changed, {Removed} removed."
        : $"Sync failed. {Error?.ForUser}";
}
