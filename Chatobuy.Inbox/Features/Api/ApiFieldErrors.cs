namespace Chatobuy.Inbox.Features.Api;

/// <summary>
/// A refusal with the fields it concerns (camelCase names, <c>websites[1]</c> for the second website), beside the
/// <see cref="ApiError"/> message every error of the API carries.
/// </summary>
public sealed record ApiFieldErrors(string Error, IReadOnlyDictionary<string, string[]> Errors);
