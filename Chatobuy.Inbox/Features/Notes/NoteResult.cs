namespace Chatobuy.Inbox.Features.Notes;

/// <summary>A note added (its id, the agents it mentioned), or why not, in plain words.</summary>
public sealed record NoteResult(long? NoteId, IReadOnlyList<Mentionable> Mentioned, string? Error)
{
    public bool Succeeded => NoteId is not null;

    public static NoteResult Ok(long noteId, IReadOnlyList<Mentionable> mentioned) => new(noteId, mentioned, null);

    public static NoteResult Refused(string error) => new(null, [], error);
}
