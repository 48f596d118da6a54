using System.Text;
using Azure.Data.Tables;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Storage.Mapping;

/// <summary>Refuses, naming the field, an entity the service would reject for size (1 MiB, 255 properties).</summary>
internal static class EntitySize
{
    private const int MaxEntityBytes = 1_000_000;
    private const int MaxProperties = 252;

    public static void Ensure(TableEntity entity, string kind)
    {
        var total = 0L;
        var largest = (Name: "", Bytes: 0L);
        foreach (var (name, value) in entity)
        {
            var bytes = 8L + (name.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                byte[] b => 4 + b.Length,
                _ => 8,
            };
            total += bytes;
            var field = name.Split("__", 2)[0];
            if (bytes > largest.Bytes)
            {
                largest = (field, bytes);
            }
        }

        if (total > MaxEntityBytes || entity.Count > MaxProperties)
        {
            throw new ValidationFailedException(
                ToCamelCase(largest.Name),
                $"The {kind} is too large to store ({total:N0} bytes; a record holds at most {MaxEntityBytes:N0}); '{largest.Name}' is the largest value.");
        }
    }

    private static string ToCamelCase(string snakeName)
    {
        var words = snakeName.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(builder.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]);
        }

        return builder.ToString();
    }
}
