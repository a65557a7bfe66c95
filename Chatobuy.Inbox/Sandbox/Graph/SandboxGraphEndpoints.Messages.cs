using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Chatobuy.Inbox.Sandbox.Rules;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// <c>POST /{v}/{phone-number-id}/messages</c> (reference §3): sends, read receipts and typing indicators, with Meta's
/// validation, throughput limit (130429) and the asynchronous statuses that follow an accepted send.
/// </summary>
public static partial class SandboxGraphEndpoints
{
    private static void MapMessages(RouteGroupBuilder graph) => graph.MapPost("/{id}/messages", PostMessageAsync);

    private static TimeSpan ResponseDelay(SandboxOptions options) =>
        TimeSpan.FromMilliseconds(Math.Max(0, options.ResponseDelayMilliseconds
            + (options.ResponseJitterMilliseconds == 0 ? 0 : Random.Shared.Next(-options.ResponseJitterMilliseconds, options.ResponseJitterMilliseconds + 1))));

    private static async Task<IResult> PostMessageAsync(
        string id,
        HttpRequest request,
        SandboxState state,
        SandboxMediaStore media,
        SandboxOutbox outbox,
        SandboxThroughput throughput,
        SandboxTemplates templates,
        SandboxCatalogs catalogs,
        IOptions<SandboxOptions> options,
        CancellationToken cancellationToken)
    {
        if (state.FindPhoneNumber(id) is not { } phone)
        {
            return SandboxGraphErrors.UnsupportedRequest("post", id);
        }

        var read = await ReadParametersAsync(request, cancellationToken);
        if (read.Body is not { } body)
        {
            return read.Error!;
        }

        if (body["messaging_product"] is null)
        {
            return SandboxGraphErrors.WhatsApp(100, "The parameter messaging_product is required.");
        }

        if (SandboxMessageRules.Str(body["messaging_product"]) != "whatsapp")
        {
            return SandboxGraphErrors.WhatsApp(100, "Param messaging_product must be whatsapp");
        }

        if (body["status"] is not null)
        {
            return MarkRead(phone, body, outbox);
        }

        var (send, problem) = SandboxMessageRules.Validate(body, media, catalogs.LinkedTo(phone.WabaId));
        if (send is null)
        {
            return SandboxGraphErrors.WhatsApp(problem!.Code, problem.Details);
        }

        if (send.WaId == new string(phone.DisplayPhoneNumber.Where(char.IsAsciiDigit).ToArray()))
        {
            return SandboxGraphErrors.WhatsApp(131021, "The recipient is this business number itself");
        }

        SandboxRenderedTemplate? template = null;
        if (send.Type == "template")
        {
            // Checked against the WABA's templates; see SandboxTemplateSends for why these errors are synchronous.
            var (rendered, templateProblem) = SandboxTemplateSends.Check(templates, media, phone.WabaId, (JsonObject)send.Content);
            if (rendered is null)
            {
                return SandboxGraphErrors.WhatsApp(templateProblem!.Code, templateProblem.Details);
            }

            template = rendered;
        }

        // Counted at the moment the request arrived (Meta counts at its edge), not after its body was read and checked.
        if (!throughput.TryAcquire(phone.Id, request.HttpContext.Features.Get<SandboxArrival>()?.Timestamp))
        {
            return SandboxGraphErrors.WhatsApp(
                130429,
                $"Cloud API message throughput has been reached: at most {throughput.Limit} messages per second for this phone number");
        }

        // Counted on arrival, answered after Meta's round trip (when one is configured).
        var delay = ResponseDelay(options.Value);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var message = outbox.Accept(phone.Id, send, template);
        var contact = new JsonObject { ["input"] = send.Input };
        contact[body["to"] is null ? "user_id" : "wa_id"] = send.WaId;
        return TypedResults.Json(
            new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["contacts"] = new JsonArray(contact),
                ["messages"] = new JsonArray(new JsonObject { ["id"] = message.Id }),
            },
            SandboxJson.Options);
    }

    /// <summary>Reference §3.6: <c>{"status":"read","message_id","typing_indicator"?}</c> → <c>{"success":true}</c>.</summary>
    private static IResult MarkRead(SandboxPhoneNumber phone, JsonObject body, SandboxOutbox outbox)
    {
        if (SandboxMessageRules.Str(body["status"]) != "read")
        {
            return SandboxGraphErrors.WhatsApp(100, "Param status must be read");
        }

        if (SandboxMessageRules.Str(body["message_id"]) is not { Length: > 0 } messageId)
        {
            return SandboxGraphErrors.WhatsApp(131008, "The parameter message_id is required.");
        }

        var typing = false;
        if (body["typing_indicator"] is { } indicator)
        {
            if (indicator is not JsonObject typingIndicator || SandboxMessageRules.Str(typingIndicator["type"]) != "text")
            {
                return SandboxGraphErrors.WhatsApp(100, "Param typing_indicator['type'] must be text");
            }

            typing = true;
        }

        return outbox.MarkRead(phone.Id, messageId, typing)
            ? Success()
            : SandboxGraphErrors.WhatsApp(100, $"Param message_id is not a message this phone number received: {messageId}");
    }
}
