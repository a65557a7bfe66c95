namespace Chatobuy.Inbox.Features.Channels;

/// <summary>The integration API's names of <see cref="AssignmentMode"/>: <c>none</c>, <c>round_robin</c>, <c>first_replier</c>.</summary>
public static class AssignmentModes
{
    public const string None = "none";
    public const string RoundRobin = "round_robin";
    public const string FirstReplier = "first_replier";

    public static string ToApi(AssignmentMode mode) => mode switch
    {
        AssignmentMode.RoundRobin => RoundRobin,
        AssignmentMode.FirstReplier => FirstReplier,
        _ => None,
    };

    /// <summary>The mode named <paramref name="name"/>; null when it names none.</summary>
    public static AssignmentMode? FromApi(string? name) => name switch
    {
        None => AssignmentMode.None,
        RoundRobin => AssignmentMode.RoundRobin,
        FirstReplier => AssignmentMode.FirstReplier,
        _ => null,
    };
}
