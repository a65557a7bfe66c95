using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Sandbox.State;
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
        // Connecting a channel starts a template sync of its own: let it finish first (it stores the same rows, and must
        // not overwrite what a test changes afterwards), then add whatever is still missing.
        var sandbox = app.Services.GetRequiredService<SandboxTemplates>().List(wabaId);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = await app.DbAsync();
            var stored = db.MessageTemplates.Where(t => t.WabaId == wabaId).Select(t => t.MetaId).ToHashSet();
            var missing = sandbox.Where(t => !stored.Contains(t.Id)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                db.MessageTemplates.AddRange(missing.Select(From));
                await db.SaveChangesAsync();
                return;
            }

            await Task.Delay(50);
        }
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
