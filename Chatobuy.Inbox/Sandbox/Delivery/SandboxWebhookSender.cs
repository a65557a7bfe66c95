using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.State;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>
/// The emulated Meta's webhook delivery (reference §7.2, §7.6): drains <see cref="SandboxWebhookQueue"/>, finds each
/// number's callback (number override, else WABA override, else the app callback; only for subscribed WABAs), POSTs
/// Meta's envelope signed with the App Secret over the exact bytes, and retries anything but 200 with exponential
/// backoff. Optional chaos: several updates per POST, every POST twice, shuffled order.
/// </summary>
public sealed partial class SandboxWebhookSender(
    SandboxWebhookQueue queue,
    SandboxState state,
    SandboxDeliveryLog log,
    IHttpClientFactory httpClientFactory,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<SandboxWebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "Chatobuy.Sandbox.WebhookDelivery";

    /// <summary>Meta's limit for one webhook payload.</summary>
    public const int MaxPayloadBytes = 3 * 1024 * 1024;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private readonly Lock _retriesGate = new();
    private readonly HashSet<Task> _retries = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var settings = state.DeliverySettings;
                var gather = options.Value.Webhooks.GatherMilliseconds;
                if ((settings.BatchSize > 1 || settings.OutOfOrder) && gather > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(gather), time, stoppingToken);
                }

                var pending = new List<SandboxWebhookUpdate>();
                while (queue.Reader.TryRead(out var update))
                {
                    pending.Add(update);
                }

                var updates = pending.ToArray();
                if (settings.OutOfOrder)
                {
                    Random.Shared.Shuffle(updates);
                }

                foreach (var batch in Batches(updates, settings.BatchSize))
                {
                    for (var copy = 0; copy < (settings.DuplicateDelivery ? 2 : 1); copy++)
                    {
                        await DeliverAsync(batch, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        Task[] running;
        lock (_retriesGate)
        {
            running = [.. _retries];
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// Meta's envelope for updates of one phone number and one kind, serialised with System.Text.Json's default encoder
    /// (non-ASCII as \uXXXX) — the exact bytes that are signed and sent.
    /// </summary>
    public static byte[] BuildPayload(SandboxState state, IReadOnlyList<SandboxWebhookUpdate> updates)
    {
        var first = updates[0];
        if (first.Kind == SandboxUpdateKind.Account)
        {
            return BuildAccountPayload(first.PhoneNumberId, updates);
        }

        var phone = state.FindPhoneNumber(first.PhoneNumberId)
            ?? throw new InvalidOperationException($"Unknown Sandbox phone number {first.PhoneNumberId}.");
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject
            {
                ["display_phone_number"] = new string(phone.DisplayPhoneNumber.Where(char.IsAsciiDigit).ToArray()),
                ["phone_number_id"] = phone.Id,
            },
        };

        if (first.Kind == SandboxUpdateKind.Message)
        {
            var contacts = new JsonArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var contact in updates.Select(u => u.Contact).OfType<JsonObject>())
            {
                if (seen.Add(contact["wa_id"]?.ToString() ?? ""))
                {
                    contacts.Add(contact.DeepClone());
                }
            }

            if (contacts.Count > 0)
            {
                value["contacts"] = contacts;
            }

            value["messages"] = new JsonArray(updates.Select(u => (JsonNode?)u.Item.DeepClone()).ToArray());
        }
        else
        {
            value["statuses"] = new JsonArray(updates.Select(u => (JsonNode?)u.Item.DeepClone()).ToArray());
        }

        var envelope = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = phone.WabaId,
                    ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
                }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, JsonSerializerOptions.Default);
    }

    /// <summary>Account-level changes of one WABA (reference §7.5): one change per update, with <c>entry[].time</c>.</summary>
    private static byte[] BuildAccountPayload(string wabaId, IReadOnlyList<SandboxWebhookUpdate> updates)
    {
        var changes = new JsonArray(updates
            .Select(u => (JsonNode?)new JsonObject { ["value"] = u.Item.DeepClone(), ["field"] = u.Field })
            .ToArray());
        var envelope = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = wabaId,
                    ["time"] = updates.Max(u => u.EntryTime ?? 0),
                    ["changes"] = changes,
                }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, JsonSerializerOptions.Default);
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of the bytes with the App Secret.</summary>
    public static string Sign(string appSecret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Updates grouped by phone number and kind (in order of first appearance), at most <paramref name="size"/> per POST.</summary>
    private static IEnumerable<IReadOnlyList<SandboxWebhookUpdate>> Batches(IEnumerable<SandboxWebhookUpdate> updates, int size) =>
        updates
            .GroupBy(u => (u.PhoneNumberId, u.Kind))
            .SelectMany(group => group.Chunk(Math.Max(1, size)));

    private async Task DeliverAsync(IReadOnlyList<SandboxWebhookUpdate> batch, CancellationToken cancellationToken)
    {
        var phoneNumberId = batch[0].PhoneNumberId;
        var itemIds = batch.Select(u => u.ItemId).ToList();
        if (state.WebhooksStopped)
        {
            log.Started(null, phoneNumberId, itemIds, SandboxDeliveryState.NotSent, "Not sent: webhooks are stopped (Sandbox switch)");
            LogNotSent(phoneNumberId, batch.Count);
            return;
        }

        var url = batch[0].Kind == SandboxUpdateKind.Account ? state.AccountCallbackUrlFor(phoneNumberId) : state.CallbackUrlFor(phoneNumberId);
        if (url is null)
        {
            var phone = batch[0].Kind == SandboxUpdateKind.Account ? state.PhoneNumbersOf(phoneNumberId).FirstOrDefault() : state.FindPhoneNumber(phoneNumberId);
            var note = phone is not null && state.GetSubscription(phone.WabaId) is null
                ? "Not sent: the app is not subscribed to this number's WhatsApp Business Account"
                : "Not sent: no callback URL (no webhook override and no app callback URL)";
            log.Started(null, phoneNumberId, itemIds, SandboxDeliveryState.NotSent, note);
            LogNotSent(phoneNumberId, batch.Count);
            return;
        }

        var payload = BuildPayload(state, batch);
        if (payload.Length > MaxPayloadBytes)
        {
            if (batch.Count > 1)
            {
                var half = batch.Count / 2;
                await DeliverAsync(batch.Take(half).ToList(), cancellationToken);
                await DeliverAsync(batch.Skip(half).ToList(), cancellationToken);
            }
            else
            {
                log.Started(url, phoneNumberId, itemIds, SandboxDeliveryState.NotSent, "Not sent: the payload is over 3 MB");
            }

            return;
        }

        var number = log.Started(url, phoneNumberId, itemIds, SandboxDeliveryState.Sending);
        var (status, error) = await PostAsync(url, payload, number, 1, cancellationToken);
        if (status == StatusCodes.Status200OK)
        {
            log.Updated(number, SandboxDeliveryState.Delivered, 1, status, null);
            return;
        }

        var maxAttempts = options.Value.Webhooks.MaxAttempts;
        if (maxAttempts <= 1)
        {
            log.Updated(number, SandboxDeliveryState.Failed, 1, status, error);
            return;
        }

        log.Updated(number, SandboxDeliveryState.Retrying, 1, status, error);

        // Retries run on their own so one slow receiver does not hold up the queue (Meta does not wait either).
        var retry = RetryAsync(url, payload, number, maxAttempts, cancellationToken);
        lock (_retriesGate)
        {
            _retries.Add(retry);
        }

        _ = retry.ContinueWith(
            finished =>
            {
                lock (_retriesGate)
                {
                    _retries.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RetryAsync(string url, byte[] payload, long number, int maxAttempts, CancellationToken cancellationToken)
    {
        await Task.Yield();
        int? status = null;
        string? error = null;
        var baseDelay = TimeSpan.FromMilliseconds(options.Value.Webhooks.RetryBaseMilliseconds);
        for (var attempt = 2; attempt <= maxAttempts; attempt++)
        {
            var delay = baseDelay * Math.Pow(2, attempt - 2);
            try
            {
                await Task.Delay(delay < MaxRetryDelay ? delay : MaxRetryDelay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            (status, error) = await PostAsync(url, payload, number, attempt, cancellationToken);
            if (status == StatusCodes.Status200OK)
            {
                log.Updated(number, SandboxDeliveryState.Delivered, attempt, status, null);
                return;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            log.Updated(number, attempt == maxAttempts ? SandboxDeliveryState.Failed : SandboxDeliveryState.Retrying, attempt, status, error);
        }

        LogGaveUp(number, maxAttempts);
    }

    /// <summary>One POST; the HTTP status, or null and what went wrong when there was no answer.</summary>
    private async Task<(int? Status, string? Error)> PostAsync(string url, byte[] payload, long number, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.Webhooks.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", Sign(options.Value.AppSecret, payload));
        request.Headers.TryAddWithoutValidation("User-Agent", "facebookexternalua");
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "?";
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            LogAttempt(number, host, attempt, status);
            return (status, status == StatusCodes.Status200OK ? null : $"HTTP {status.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(number, host, attempt, "timed out");
            return (null, "Timed out");
        }
        catch (HttpRequestException exception)
        {
            LogAttemptFailed(number, host, attempt, exception.HttpRequestError.ToString());
            return (null, $"No answer ({exception.HttpRequestError})");
        }
        catch (OperationCanceledException)
        {
            return (null, "Stopped");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox webhook {Number} to {Host}, attempt {Attempt}: HTTP {Status}")]
    private partial void LogAttempt(long number, string host, int attempt, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox webhook {Number} to {Host}, attempt {Attempt}: {Failure}")]
    private partial void LogAttemptFailed(long number, string host, int attempt, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox webhook {Number} failed after {Attempts} attempts")]
    private partial void LogGaveUp(long number, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox webhook for phone number {PhoneNumberId} not sent ({Count} updates): no subscription or callback URL")]
    private partial void LogNotSent(string phoneNumberId, int count);
}
