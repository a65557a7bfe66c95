namespace Chatobuy.Inbox.Features.Notes;

public static class NotesExtensions
{
    /// <summary>Private notes in conversations and the <c>@mentions</c> in them.</summary>
    public static IServiceCollection AddNotes(this IServiceCollection services)
    {
        services.AddSingleton<NoteService>();
        return services;
    }
}
