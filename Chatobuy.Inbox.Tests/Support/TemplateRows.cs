using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Sandbox;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>
/// Fills the inbox's <c>MessageTemplates</c> table the way the template sync would: one row per Sandbox template of the
/// channel's WABA, copied from the Sandbox store.
/// </summary>
internal static class TemplateRows
{
    public static async Task CopyFromSandboxAsync(InboxApp app, string wabaId)
    {
        var sandbox = app.Services.GetRequiredService<SandboxTemplates>();
        await using var db = await app.DbAsync();
        foreach (var template in sandbox.List(wabaId))
        {
            db.MessageTemplates.Add(From(template));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Adds one row (e.g. an out-of-date copy of a template Meta has since changed).</summary>
    public static async Task AddAsync(InboxDbContext db, MessageTemplate template)
    {
        db.MessageTemplates.Add(template);
        await db.SaveChangesAsync();
    }

    public static MessageTemplate From(SandboxTemplate template) => new()
    {
        WabaId = template.WabaId,
        MetaId = template.Id,
        Name = template.Name,
        Language = template.Language,
        Category = template.Category,
        Status = template.Status,
        ParameterFormat = template.ParameterFormat,
        ComponentsJson = template.ComponentsJson,
        UpdatedAt = template.UpdatedAt,
        SyncedAt = template.UpdatedAt,
    };
}
