"""The Documents tab: agendas, programmes, certificates, badges and sign-in sheets, previewed and printed."""
