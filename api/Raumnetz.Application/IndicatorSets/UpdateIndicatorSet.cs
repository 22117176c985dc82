using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>Replaces name, purpose, network and the ordered indicator list (If-Match honoured). Goals of removed indicators are
/// dropped.</summary>
public sealed record UpdateIndicatorSetCommand : IndicatorSetFields, ICommand<IndicatorSetDto>
{
    public UpdateIndicatorSetCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateIndicatorSetCommand(IndicatorSetFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateIndicatorSetValidator : IndicatorSetFieldsValidator<UpdateIndicatorSetCommand>;

public sealed class UpdateIndicatorSetHandler(IUnitOfWork unitOfWork, IndicatorSetReads reads, TimeProvider clock)
    : IRequestHandler<UpdateIndicatorSetCommand, IndicatorSetDto>
{
    public async Task<IndicatorSetDto> Handle(UpdateIndicatorSetCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "indicator_sets", "Indicator set", request.Id, request.ExpectedVersion);
        await IndicatorSetChecks.CheckIndicatorsAsync(connection, tx, unitOfWork.Dialect, request.IndicatorIds!);
        await IndicatorSetChecks.CheckNetworkAsync(connection, tx, request.NetworkId);
        var p = IndicatorSetChecks.Parameters(request);
        p.Add("id", request.Id);
        p.Add("now", clock.GetUtcNow());
        p.Add("version", version);
        var rows = await connection.ExecuteAsync("""
            UPDATE indicator_sets SET name = @name, search_key = @searchKey, purpose = @purpose, network_id = @networkId,
                version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, p, tx);
        Versioning.EnsureUpdated(rows, "Indicator set", request.Id, version);
        await IndicatorSetChecks.ReplaceIndicatorsAsync(connection, tx, request.Id, request.IndicatorIds!);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
