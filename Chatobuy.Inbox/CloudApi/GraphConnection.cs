namespace Chatobuy.Inbox.CloudApi;

/// <summary>Where and as whom a Graph call is made.</summary>
public sealed record GraphConnection(string BaseUrl, string Version, string AccessToken)
{
    public const string OptionKey = "Chatobuy.GraphConnection";

    /// <summary>
    /// The inbox's own key for the account these calls act for (a channel id), so that a refusal of the token can be
    /// told to whoever watches it (<see cref="IGraphRefusalObserver"/>); null for a token not saved yet.
    /// </summary>
    public string? OwnerKey { get; init; }

    public Uri Root => new($"{BaseUrl.TrimEnd('/')}/{Version}/");

    // Never print the token.
    public override string ToString() => $"{BaseUrl.TrimEnd('/')}/{Version}";
}
