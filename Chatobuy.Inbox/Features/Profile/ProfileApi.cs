using System.Text.Json;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>
/// <c>GET /api/v1/channels/{id}/profile</c> reads the profile from WhatsApp; <c>PATCH</c> changes the fields it names,
/// checked by the editor's rules (400 with field errors), Meta's refusals passed on in plain language.
/// </summary>
public static class ProfileApi
{
    private const string Tag = "Business profile";

    public static RouteGroupBuilder MapProfileApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{id}/profile", GetAsync).WithTags(Tag).Produces<ApiError>(StatusCodes.Status502BadGateway);
        api.MapPatch("/channels/{id}/profile", PatchAsync).WithTags(Tag).Produces<ApiError>(StatusCodes.Status502BadGateway);
        return api;
    }

    private static async Task<Results<Ok<BusinessProfileDto>, NotFound<ApiError>, JsonHttpResult<ApiError>>> GetAsync(
        string id,
        ProfileService profiles,
        CancellationToken cancellationToken)
    {
        var load = await profiles.LoadAsync(id, cancellationToken);
        if (load.Channel is null)
        {
            return TypedResults.NotFound(new ApiError(ChannelsApi.NotFoundMessage));
        }

        return load.Profile is { } profile
            ? TypedResults.Ok(BusinessProfileDto.From(profile))
            : TypedResults.Json(new ApiError($"The profile could not be read from WhatsApp. {load.Error!.ForUser}"), statusCode: StatusCodes.Status502BadGateway);
    }

    private static async Task<Results<Ok<BusinessProfileDto>, BadRequest<ApiFieldErrors>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> PatchAsync(
        string id,
        ProfilePatch? body,
        ProfileService profiles,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.BadRequest(new ApiError("Send a JSON body with the fields to change: about, address, description, email, websites, vertical."));
        }

        var result = await profiles.PatchAsync(id, body, cancellationToken);
        return result.Outcome switch
        {
            ProfileSaveOutcome.Saved or ProfileSaveOutcome.NothingChanged => TypedResults.Ok(BusinessProfileDto.From(result.Current!)),
            ProfileSaveOutcome.NotFound => TypedResults.NotFound(new ApiError(ChannelsApi.NotFoundMessage)),
            _ when result.FieldErrors is { Count: > 0 } errors => TypedResults.BadRequest(new ApiFieldErrors(
                result.Error?.ForUser ?? "Some fields are not valid; nothing was saved.",
                errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }))),
            ProfileSaveOutcome.Refused when result.Error is { HttpStatus: >= 400 and < 500 } => TypedResults.BadRequest(new ApiError(result.Message!)),
            _ => TypedResults.Json(new ApiError(result.Message!), statusCode: StatusCodes.Status502BadGateway),
        };
    }

    /// <summary><c>Websites[1]</c> → <c>websites[1]</c>, <c>About</c> → <c>about</c>: the names of the JSON body.</summary>
    private static string JsonName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
