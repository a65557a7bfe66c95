namespace Chatobuy.Inbox.Features.QuickReplies;

public static class QuickRepliesExtensions
{
    /// <summary>Quick replies: the library, its form's checks.</summary>
    public static IServiceCollection AddQuickReplies(this IServiceCollection services)
    {
        services.AddSingleton<QuickReplyDraftValidator>();
        services.AddSingleton<QuickReplyLibrary>();
        return services;
    }
}
