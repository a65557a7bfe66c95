using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>The result of a create, edit or delete: done (with the row), or Meta's refusal explained, or ours.</summary>
public sealed record TemplateCommandResult(bool Succeeded, MessageTemplate? Template = null, GraphError? GraphError = null, string? Error = null)
{
    /// <summary>One line for a toast: our message, or Meta's explained refusal.</summary>
    public string? Message => Error ?? GraphError?.ForUser;

    public static TemplateCommandResult Fail(string error) => new(false, Error: error);

    public static TemplateCommandResult Refused(GraphError error) => new(false, GraphError: error);
}
