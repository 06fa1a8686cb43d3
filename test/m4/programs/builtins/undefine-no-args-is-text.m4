undefine undefine()
