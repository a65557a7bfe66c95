using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Channels;

/// <summary>
/// <c>GET /api/v1/channels</c>, <c>GET /api/v1/channels/{id}</c> (secrets never leave) and
/// <c>PATCH /api/v1/channels/{id}</c>: the Edit dialog's name, throughput and pause, with the same validation.
/// </summary>
public static class ChannelsApi
{
    public const string NotFoundMessage = "Channel not found";
    private const string Tag = "Channels";

    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels", ListAsync).WithTags(Tag);
        api.MapGet("/channels/{id}", GetAsync).WithTags(Tag);
        // The body is read by hand to tell a missing field from null; the document still shows its shape.
        api.MapPatch("/channels/{id}", PatchAsync).WithTags(Tag).Accepts<ChannelPatchBody>("application/json");
        return api;
    }

    /// <summary>
    /// Changes only the fields given: <c>title</c>, <c>sendingPaused</c>, <c>messagesPerSecond</c> (20 to 1,000;
    /// <c>null</c> goes back to the inbox default), <c>forwardingWebhookUrl</c> (<c>null</c> stops forwarding),
    /// <c>assignmentMode</c> (<c>none</c>, <c>round_robin</c>, <c>first_replier</c>) and <c>assignmentLimit</c>
    /// (1 to 1,000 open conversations per agent; <c>null</c>: no limit).
    /// </summary>
    private static async Task<Results<Ok<ChannelDto>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> PatchAsync(
        string id,
        HttpRequest request,
        ChannelService channels,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Json(new ApiError(ApiErrorAnswers.UnsupportedMediaTypeMessage), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return TypedResults.BadRequest(new ApiError("Send a JSON object with any of title, messagesPerSecond, sendingPaused, forwardingWebhookUrl, assignmentMode and assignmentLimit."));
        }

        if (await channels.GetAsync(id, cancellationToken) is not { } channel)
        {
            return TypedResults.NotFound(new ApiError(NotFoundMessage));
        }

        var model = new EditChannelModel
        {
            Title = channel.Title,
            ForwardingWebhookUrl = channel.ForwardingWebhookUrl,
            AlertEmailsText = string.Join(", ", channel.AlertEmails),
            ReadReceipts = channel.ReadReceipts,
            MessagesPerSecond = channel.MessagesPerSecond,
            SendingPaused = channel.SendingPaused,
            AssignmentMode = channel.AssignmentMode,
            AssignmentLimit = channel.AssignmentLimit,
        };
        try
        {
            if (body.ContainsKey("title"))
            {
                model.Title = body["title"]?.GetValue<string>() ?? "";
            }

            if (body.ContainsKey("messagesPerSecond"))
            {
                model.MessagesPerSecond = body["messagesPerSecond"]?.GetValue<int>();
            }

            if (body.ContainsKey("sendingPaused"))
            {
                model.SendingPaused = body["sendingPaused"]?.GetValue<bool>() ?? false;
            }

            if (body.ContainsKey("forwardingWebhookUrl"))
            {
                model.ForwardingWebhookUrl = body["forwardingWebhookUrl"]?.GetValue<string>();
            }

            if (body.ContainsKey("assignmentMode"))
            {
                if (AssignmentModes.FromApi(body["assignmentMode"]?.GetValue<string>()) is not { } mode)
                {
                    return TypedResults.BadRequest(new ApiError("assignmentMode is none, round_robin or first_replier."));
                }

                model.AssignmentMode = mode;
            }

            if (body.ContainsKey("assignmentLimit"))
            {
                model.AssignmentLimit = body["assignmentLimit"]?.GetValue<int>();
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            return TypedResults.BadRequest(new ApiError("title is text, messagesPerSecond a whole number or null, sendingPaused true or false, forwardingWebhookUrl text or null, assignmentMode text, assignmentLimit a whole number or null."));
        }

        var result = await channels.UpdateAsync(id, model, cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.BadRequest(new ApiError(result.Error!));
        }

        var updated = await channels.GetAsync(id, cancellationToken);
        return TypedResults.Ok(ChannelDto.From(updated!, PublicBaseUrl(request, targets)));
    }

    private static async Task<Ok<List<ChannelDto>>> ListAsync(
        HttpRequest request,
        ChannelService channels,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        var baseUrl = PublicBaseUrl(request, targets);
        var all = await channels.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(c => ChannelDto.From(c, baseUrl)).ToList());
    }

    private static async Task<Results<Ok<ChannelDto>, NotFound<ApiError>>> GetAsync(
        string id,
        HttpRequest request,
        ChannelService channels,
        GraphTargets targets,
        CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(id, cancellationToken);
        return channel is null
            ? TypedResults.NotFound(new ApiError(NotFoundMessage))
            : TypedResults.Ok(ChannelDto.From(channel, PublicBaseUrl(request, targets)));
    }

    private static string PublicBaseUrl(HttpRequest request, GraphTargets targets) =>
        targets.PublicBaseUrl($"{request.Scheme}://{request.Host}{request.PathBase}");
}
