namespace Chatobuy.Inbox.CloudApi;

public sealed record GraphErrorBody(
    string? Message,
    string? Type,
    int Code,
    int? ErrorSubcode,
    string? ErrorUserTitle,
    string? ErrorUserMsg,
    string? FbtraceId,
    System.Text.Json.JsonElement? ErrorData = null)
{
    /// <summary><c>error_data.details</c>; <c>error_data</c> is a plain string on some Graph errors (reference §8.1).</summary>
    public string? Details => ErrorData switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.String } text => text.GetString(),
        { ValueKind: System.Text.Json.JsonValueKind.Object } data when data.TryGetProperty("details", out var details)
            && details.ValueKind == System.Text.Json.JsonValueKind.String => details.GetString(),
        _ => null,
    };
}
