using System.Data.Common;
using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MentorDashboard.Features.Import;

/// <summary>
/// Adds new rows of one entity type with a single prepared INSERT, reused for every row, on the import's connection
/// and inside its transaction. SaveChanges builds, sends and tracks one command per row, which made a 100,000-row
/// contact log two to three times slower to import (docs/benchmarks.md). Table, columns and value conversions come
/// from the EF Core model, so the rows read back exactly as if SaveChanges had written them.
/// </summary>
internal sealed class ImportInserts<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly bool _returnsKey;

    public ImportInserts(AppDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties;
        _returnsKey = key is [{ ValueGenerated: ValueGenerated.OnAdd }];
        var properties = entityType.GetProperties().Where(p => !(_returnsKey && p.IsPrimaryKey())).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} has no property to read it from.");
        }

        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Imports insert inside their transaction only.");
        _columns = properties.Select((property, i) => new Column(
            property.GetGetter(), property.GetTypeMapping().Converter, AddParameter(_command, i))).ToArray();
        var names = properties.Select(p => Quoted(p.GetColumnName(table)!));
        _command.CommandText = $"INSERT INTO {Quoted(table.Name)} ({string.Join(", ", names)}) "
            + $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})"
            + (_returnsKey ? $" RETURNING {Quoted(key[0].GetColumnName(table)!)}" : "");
        _command.Prepare();
    }

    /// <summary>Adds the row; returns the key the database gave it, or null when the key is the entity's own.
    /// </summary>
    public async Task<long?> InsertAsync(T entity, CancellationToken cancellationToken)
    {
        foreach (var column in _columns)
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(entity);
            column.Parameter.Value = (column.Converter is null ? value : column.Converter.ConvertToProvider(value))
                ?? DBNull.Value;
        }

        if (!_returnsKey)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }

        return (long)(await _command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose() => _command.Dispose();

    private static DbParameter AddParameter(DbCommand command, int index)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@p{index}";
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);
}
