using Dapper;
using Raumnetz.Application.Authorization;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.ApiKeys;

public sealed record ListApiKeysQuery : IRequest<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysHandler(IDbConnectionFactory db) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        return await db.ReadAsync(async (connection, ct) =>
        {
            var keys = (await connection.QueryAsync<ApiKeyDto>(new CommandDefinition(
                $"SELECT {ApiKeyReads.Columns} FROM api_keys ORDER BY created_at DESC, id",
                cancellationToken: ct))).ToList();
            var result = new List<ApiKeyDto>(keys.Count);
            foreach (var key in keys) result.Add(key with { Grants = await GrantReads.LoadAsync(connection, null, null, key.Id, ct) });
            return (IReadOnlyList<ApiKeyDto>)result;
        }, cancellationToken);
    }
}
