namespace Chatobuy.Inbox.Features.Channels;

/// <summary>Step 1 of the channel wizard.</summary>
public sealed class ConnectChannelModel
{
    public string Title { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string BusinessId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    public GraphTarget Target { get; set; } = GraphTarget.Meta;

    public string GraphVersion { get; set; } = "v23.0";
}
