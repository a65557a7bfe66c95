using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>Yedpay's reply: the HTTP status and its JSON (<c>{"success":true,"data":{…}}</c> or <c>{"success":false,"message":…}</c>).</summary>
public sealed record YedpayAnswer(int Status, JsonObject? Body)
{
    public bool Succeeded => Status is >= 200 and < 300 && Body?["success"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>Yedpay's message and its field errors, in one line.</summary>
    public string Problem
    {
        get
        {
            var message = Body?["message"]?.ToString() ?? $"HTTP {Status}";
            var errors = Body?["errors"] switch
            {
                JsonObject fields => string.Join("; ", fields.Select(f => $"{f.Key}: {Flatten(f.Value)}")),
                JsonArray list => string.Join("; ", list.Select(Flatten)),
                _ => "",
            };
            return errors.Length == 0 ? message : $"{message} ({errors})";
        }
    }

    private static string Flatten(JsonNode? node) => node switch
    {
        JsonArray array => string.Join(", ", array.Select(Flatten)),
        JsonObject obj => string.Join(", ", obj.Select(p => $"{p.Key}: {Flatten(p.Value)}")),
        null => "",
        _ => node.ToString(),
    };
}
