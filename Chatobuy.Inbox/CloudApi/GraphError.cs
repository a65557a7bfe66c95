namespace Chatobuy.Inbox.CloudApi;

/// <summary>A Graph API failure in our own terms: Meta's codes plus what it means and what to do next.</summary>
public sealed record GraphError(
    int Code,
    int? Subcode,
    string? Type,
    string? MetaMessage,
    string? FbTraceId,
    int? HttpStatus,
    string Explanation,
    string NextStep,
    string? Details = null)
{
    /// <summary>One line for the user: the explanation, the next step, and Meta's code for support.</summary>
    public string ForUser =>
        $"{Explanation} {NextStep} (Meta error {Code}{(Subcode is null ? "" : $"/{Subcode}")}{(FbTraceId is null ? "" : $", trace {FbTraceId}")})";

    /// <summary>
    /// The request may have reached Meta, but no answer came (timeout, connection dropped after sending). A send in
    /// this state must never be repeated automatically: the Cloud API has no idempotency key.
    /// </summary>
    public bool IsUnconfirmed => Code == GraphErrorExplainer.Unconfirmed;

    /// <summary>
    /// Meta answered (or the connection was never made) and nothing was sent, and trying again later may work:
    /// rate limits (130429, 131056, 4, 80007), temporary problems (1, 2, 131000, 131016) and HTTP 5xx.
    /// </summary>
    /// <summary>Meta's own words for the person (<c>error_user_msg</c>), when it gave them (template reviews do).</summary>
    public string? MetaUserMessage { get; init; }

    public bool IsRetryable =>
        !IsUnconfirmed
        && (Code is 130429 or 131056 or 4 or 80007 or 1 or 2 or 131000 or 131016 or GraphErrorExplainer.Unreachable
            || HttpStatus is >= 500 or 429);
}
