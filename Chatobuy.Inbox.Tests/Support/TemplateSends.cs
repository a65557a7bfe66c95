using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>Sending one of the channel's approved templates the way the template dialog does.</summary>
public static class TemplateSends
{
    /// <summary>
    /// Fills the template's body variables and URL button suffixes (and a header link) and queues it on the
    /// conversation, after the dialog's own checks.
    /// </summary>
    public static async Task<SendResult> SendAsync(
        InboxApp app, Channel channel, long conversation, string name, string language, string[] body, string[]? buttons = null, string? headerLink = null)
    {
        var catalog = app.Services.GetRequiredService<TemplateCatalog>();
        var option = (await catalog.FindAsync(channel.Id, name, language)).ShouldNotBeNull();
        var model = TemplateSendModel.For(option);
        model.Fill(TemplateFieldPart.Body, body);
        model.Fill(TemplateFieldPart.UrlButton, buttons ?? []);
        model.HeaderMediaLink = headerLink;
        app.Services.GetRequiredService<TemplateSendValidator>().Problems(model).ShouldBeEmpty();
        return await app.Services.GetRequiredService<OutboundService>()
            .SendAsync(new SendRequest(conversation, Guid.NewGuid().ToString("N"), null, Template: TemplatePayload.Build(model)), CancellationToken.None);
    }
}
