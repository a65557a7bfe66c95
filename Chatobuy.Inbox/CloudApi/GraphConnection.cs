namespace Chatobuy.Inbox.CloudApi;

/// <summary>Where and as whom a Graph call is made.</summary>
public sealed record GraphConnection(string BaseUrl, string Version, string AccessToken)
{
    public const string OptionKey = "Chatobuy.GraphConnection";

    public Uri Root => new($"{BaseUrl.TrimEnd('/')}/{Version}/");

    // Never print the token.
    public override string ToString() => $"{BaseUrl.TrimEnd('/')}/{Version}";
}
