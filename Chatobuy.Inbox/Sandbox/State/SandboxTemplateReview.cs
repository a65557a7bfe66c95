using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.Rules;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The emulated Meta's template review and the changes it announces (reference §5.5, §7.5): a submitted or edited
/// template stays PENDING for <c>Sandbox:Templates:ReviewDelayMilliseconds</c>, then becomes APPROVED or REJECTED by
/// <see cref="SandboxTemplateRules.Review"/>. Every status, quality and category change goes out as a signed
/// account-level webhook (<c>message_template_status_update</c>, <c>message_template_quality_update</c>,
/// <c>template_category_update</c>) to the account's callback.
/// </summary>
public sealed partial class SandboxTemplateReview(
    SandboxTemplates templates,
    SandboxWebhookQueue queue,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<SandboxTemplateReview> logger) : BackgroundService
{
    private readonly Channel<(string TemplateId, DateTimeOffset Due)> _pending =
        Channel.CreateUnbounded<(string, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a PENDING template for review; the verdict comes after the configured delay.</summary>
    public void Submit(string templateId) =>
        _pending.Writer.TryWrite((templateId, time.GetUtcNow().AddMilliseconds(options.Value.Templates.ReviewDelayMilliseconds)));

    /// <summary>Sets a template's status (and reason) as Meta would, and announces it.</summary>
    public SandboxTemplate? ChangeStatus(string templateId, string status, string reason = "NONE")
    {
        var updated = templates.Update(templateId, t => t with { Status = status, RejectedReason = status == "REJECTED" ? reason : null });
        if (updated is not null)
        {
            LogStatus(updated.Id, status, reason);
            Announce(updated, "message_template_status_update", new JsonObject
            {
                ["event"] = status,
                ["message_template_id"] = long.Parse(updated.Id, CultureInfo.InvariantCulture),
                ["message_template_name"] = updated.Name,
                ["message_template_language"] = updated.Language,
                ["reason"] = reason,
                ["message_template_category"] = updated.Category,
            });
        }

        return updated;
    }

    /// <summary>Sets a template's quality score (GREEN, YELLOW, RED, UNKNOWN) and announces it.</summary>
    public SandboxTemplate? ChangeQuality(string templateId, string score)
    {
        var previous = templates.Get(templateId)?.QualityScore;
        var updated = templates.Update(templateId, t => t with { QualityScore = score });
        if (updated is not null)
        {
            Announce(updated, "message_template_quality_update", new JsonObject
            {
                ["previous_quality_score"] = previous ?? "UNKNOWN",
                ["new_quality_score"] = score,
                ["message_template_id"] = long.Parse(updated.Id, CultureInfo.InvariantCulture),
                ["message_template_name"] = updated.Name,
                ["message_template_language"] = updated.Language,
            });
        }

        return updated;
    }

    /// <summary>Re-categorises a template as Meta may do, and announces it.</summary>
    public SandboxTemplate? ChangeCategory(string templateId, string category)
    {
        var previous = templates.Get(templateId)?.Category;
        var updated = templates.Update(templateId, t => t with { Category = category, PreviousCategory = t.Category == category ? t.PreviousCategory : t.Category });
        if (updated is not null)
        {
            Announce(updated, "template_category_update", new JsonObject
            {
                ["message_template_id"] = long.Parse(updated.Id, CultureInfo.InvariantCulture),
                ["message_template_name"] = updated.Name,
                ["message_template_language"] = updated.Language,
                ["previous_category"] = previous,
                ["new_category"] = category,
            });
        }

        return updated;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Every template waits the same delay, so the queue is already in due order.
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_pending.Reader.TryRead(out var item))
                {
                    var wait = item.Due - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, stoppingToken);
                    }

                    Decide(item.TemplateId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: templates still pending stay PENDING, as with Meta.
        }
    }

    private void Decide(string templateId)
    {
        // Deleted, or changed again by hand since it was submitted: nothing to decide.
        if (templates.Get(templateId) is not { Status: "PENDING" } template)
        {
            return;
        }

        var (status, reason) = SandboxTemplateRules.Review(template.Category, template.ComponentsJson);
        ChangeStatus(template.Id, status, reason);
    }

    private void Announce(SandboxTemplate template, string field, JsonObject value) =>
        queue.Enqueue(SandboxWebhookUpdate.ForAccount(template.WabaId, field, $"template:{template.Id}:{field}:{Guid.NewGuid():N}", value, time.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox template {TemplateId} is now {Status} ({Reason})")]
    private partial void LogStatus(string templateId, string status, string reason);
}
