namespace Chatobuy.Inbox.Features.Channels;

public sealed record ChannelCommandResult(bool Succeeded, string? Error = null, string? Warning = null)
{
    public static readonly ChannelCommandResult Ok = new(true);

    public static ChannelCommandResult NotFound => new(false, "This channel no longer exists.");
}
