using System.Globalization;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Contacts;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Api;

/// <summary>
/// <c>GET /api/v1/conversations</c> (most recent first, filter by channel and status) and
/// <c>GET /api/v1/conversations/{id}/messages</c> (oldest first, with reactions and media links). Paged.
/// <c>POST /api/v1/conversations</c> starts a conversation with a template (the contact is created when new).
/// </summary>
public static class ConversationsEndpoints
{
    public const string NotFoundMessage = "Conversation not found";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapConversationsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations", ListAsync);
        api.MapPost("/conversations", StartAsync);
        api.MapGet("/conversations/{id:long}/messages", ListMessagesAsync);
        return api;
    }

    private static async Task<Results<Ok<PagedDto<ConversationDto>>, BadRequest<ApiError>>> ListAsync(
        string? channelId,
        string? status,
        string? page,
        string? pageSize,
        ConversationQueries queries,
        CancellationToken cancellationToken)
    {
        if (ReadPaging(page, pageSize) is not { } paging)
        {
            return TypedResults.BadRequest(PagingError(page));
        }

        if (!TryReadStatus(status, out var wanted))
        {
            return TypedResults.BadRequest(new ApiError("status must be \"open\" or \"resolved\"."));
        }

        var result = await queries.ListConversationsAsync(channelId, wanted, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedDto<ConversationDto>(
            result.Items.Select(ConversationDto.From).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<PagedDto<MessageDto>>, NotFound<ApiError>, BadRequest<ApiError>>> ListMessagesAsync(
        long id,
        string? page,
        string? pageSize,
        HttpRequest request,
        ConversationQueries queries,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        if (ReadPaging(page, pageSize) is not { } paging)
        {
            return TypedResults.BadRequest(PagingError(page));
        }

        var result = await queries.ListMessagesAsync(id, paging.Page, paging.PageSize, cancellationToken);
        if (result is null)
        {
            return TypedResults.NotFound(new ApiError(NotFoundMessage));
        }

        var baseUrl = targets.PublicBaseUrl($"{request.Scheme}://{request.Host}{request.PathBase}");
        return TypedResults.Ok(new PagedDto<MessageDto>(
            result.Items.Select(m => MessageDto.From(m, baseUrl)).ToList(), result.PageNumber, result.PageSize, result.Total));
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

    private static (int Page, int PageSize)? ReadPaging(string? page, string? pageSize)
    {
        var number = 1;
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(pageSize) && !int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return null;
        }

        return number >= 1 && size is >= 1 and <= MaxPageSize ? (number, size) : null;
    }

    private static bool TryReadStatus(string? status, out ConversationStatus? wanted)
    {
        wanted = status?.ToLowerInvariant() switch
        {
            "open" => ConversationStatus.Open,
            "resolved" => ConversationStatus.Resolved,
            _ => null,
        };
        return wanted is not null || string.IsNullOrEmpty(status);
    }

    private static ApiError PagingError(string? page)
    {
        var pageOk = string.IsNullOrEmpty(page)
            || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1);
        return new ApiError(pageOk
            ? $"pageSize must be a whole number from 1 to {MaxPageSize}."
            : "page must be a whole number of 1 or more.");
    }
}
