namespace Chatobuy.Inbox.CloudApi;

/// <summary>The result of a Graph call: a value, or a <see cref="GraphError"/>.</summary>
public sealed record GraphResult<T>(T? Value, GraphError? Error)
{
    public bool Succeeded => Error is null;

    public static GraphResult<T> Ok(T value) => new(value, null);

    public static GraphResult<T> Fail(GraphError error) => new(default, error);
}
