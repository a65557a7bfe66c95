using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Templates.Sending;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>
/// <c>POST /api/v1/conversations</c> starts (or continues) a conversation with a template; the contact is created
/// when new.
/// </summary>
public static class StartConversationApi
{
    public static RouteGroupBuilder MapStartConversationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/conversations", StartAsync).WithTags(ConversationsApi.Tag);
        return api;
    }

    private static async Task<Results<Created<ConversationStartedDto>, BadRequest<ApiError>>> StartAsync(
        StartConversationBody? body,
        ConversationStarter starter,
        ContactService contacts,
        TemplateCatalog catalog,
        TemplateSendValidator validator,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.BadRequest(new ApiError("Send a JSON body with \"to\" and \"template\"."));
        }

        if (ContactNumbers.Normalize(body.To) is not { } waId)
        {
            return TypedResults.BadRequest(new ApiError("to must be a WhatsApp number in international format: 8 to 15 digits with an optional leading +, e.g. +5511987654321."));
        }

        if (body.Template is not { Name: { Length: > 0 } name, Language: { Length: > 0 } language } template)
        {
            return TypedResults.BadRequest(new ApiError("template.name and template.language are required (a conversation starts with an approved template)."));
        }

        if (body.ClientMessageId is { Length: > 128 })
        {
            return TypedResults.BadRequest(new ApiError("clientMessageId must be 1 to 128 characters."));
        }

        if (await starter.ResolveChannelAsync(body.ChannelId, cancellationToken) is not { } channelId)
        {
            return TypedResults.BadRequest(new ApiError(string.IsNullOrWhiteSpace(body.ChannelId) ? ConversationStarter.NoChannel : "channelId is not a channel of this inbox."));
        }

        if (await catalog.FindAsync(channelId, name, language, cancellationToken) is not { } option)
        {
            return TypedResults.BadRequest(new ApiError($"Template {name} ({language}) is not an approved template of this channel's WhatsApp account."));
        }

        var model = TemplateSendModel.For(option);
        model.Fill(TemplateFieldPart.Header, template.HeaderParameters ?? []);
        model.Fill(TemplateFieldPart.Body, template.BodyParameters ?? body.Parameters ?? []);
        model.Fill(TemplateFieldPart.UrlButton, template.ButtonParameters ?? []);
        foreach (var field in model.Fields.Where(f => f.Part == TemplateFieldPart.Body && template.NamedParameters?.ContainsKey(f.Variable) == true))
        {
            field.Value = template.NamedParameters![field.Variable];
        }

        model.HeaderMediaLink = template.HeaderMediaLink;
        var problems = validator.Problems(model);
        if (problems.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError(string.Join(" ", problems.Select(p => $"{FieldName(p.Key)}: {p.Value}"))));
        }

        var contactId = await contacts.EnsureAsync(waId, null, cancellationToken);
        var clientMessageId = string.IsNullOrWhiteSpace(body.ClientMessageId) ? Guid.NewGuid().ToString("N") : body.ClientMessageId;
        var started = await starter.StartAsync(contactId, channelId, TemplatePayload.Build(model), clientMessageId, null, cancellationToken);
        if (!started.Succeeded)
        {
            return TypedResults.BadRequest(new ApiError(started.Error!));
        }

        return TypedResults.Created(
            $"/api/v1/messages/{started.MessageId}",
            new ConversationStartedDto(started.ConversationId!.Value, started.MessageId!.Value, contactId, channelId, "pending"));
    }

    /// <summary>The request field a validation message is about: headerParameters[0], bodyParameters[1], …</summary>
    private static string FieldName(string key) => key switch
    {
        TemplateSendValidator.HeaderMediaKey => "template.headerMediaLink",
        TemplateSendValidator.BodyKey => "template.bodyParameters",
        TemplateSendValidator.HeaderKey => "template.headerParameters",
        _ when key.StartsWith("button-", StringComparison.Ordinal) => "template.buttonParameters",
        _ when key.StartsWith("header-", StringComparison.Ordinal) => $"template.headerParameters {{{{{key["header-".Length..]}}}}}",
        _ => $"template.bodyParameters {{{{{key["body-".Length..]}}}}}",
    };
}
