using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>One Error or Critical log entry of the app under test.</summary>
public sealed record LoggedError(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"{Level} {Category}: {Message}{(Exception is null ? "" : $"{Environment.NewLine}    {Exception.GetType().Name}: {Exception.Message}")}";

    public bool Mentions(string fragment) =>
        Category.Contains(fragment, StringComparison.OrdinalIgnoreCase)
        || Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)
        || (Exception is { } exception
            && (exception.GetType().Name.Contains(fragment, StringComparison.OrdinalIgnoreCase)
                || exception.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// Records every Error and Critical the app logs, so a test host can fail the run when the app logged one that no
/// test declared with <see cref="InboxApp.ExpectErrors"/>: an unhandled exception is a bug even when the page looked fine.
/// </summary>
public sealed class LoggedErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedError> _entries = new();
    private readonly ConcurrentBag<string> _expected = [];

    public IReadOnlyList<LoggedError> All => [.. _entries];

    public IReadOnlyList<LoggedError> Unexpected => [.. _entries.Where(e => !_expected.Any(e.Mentions))];

    public void Expect(IEnumerable<string> fragments)
    {
        foreach (var fragment in fragments)
        {
            _expected.Add(fragment);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
        // Nothing to release; the entries stay readable after the host is gone.
    }

    private sealed class Recorder(string category, ConcurrentQueue<LoggedError> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LoggedError(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
