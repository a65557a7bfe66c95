namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// The result of a create, update or duplicate: the saved row, or why nothing was saved: problems by field (the
/// builder shows each next to its field) or one message.
/// </summary>
public sealed record InteractiveLibraryResult(InteractiveMessage? Message, IReadOnlyDictionary<string, string> Errors, string? Error = null)
{
    public bool Succeeded => Message is not null;

    /// <summary>One line for a toast.</summary>
    public string? Summary => Error ?? Errors.Values.FirstOrDefault();

    public static InteractiveLibraryResult Saved(InteractiveMessage message) => new(message, new Dictionary<string, string>());

    public static InteractiveLibraryResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);

    public static InteractiveLibraryResult Fail(string error) => new(null, new Dictionary<string, string>(), error);
}
